#!/usr/bin/env bash
# Each command here fails: the AWS CLI refuses an unknown flag, STS refuses the values.
set -euo pipefail

aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy \
  --role-session-name "nightly deploy" --session-duration 7200

aws sts assume-role --role-arn arn:aws:iam::123456789012:role/deploy --role-session-name nightly \
  --duration-seconds 600 \
  --tags Key=team,Value=platform Key=team,Value=infra
