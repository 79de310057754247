#!/usr/bin/env bash
# Assumes the deploy role for one hour and prints the credentials as JSON.
set -euo pipefail

ROLE_ARN="arn:aws:iam::123456789012:role/deploy"

aws sts assume-role \
  --role-arn "$ROLE_ARN" \
  --role-session-name "deploy-${GITHUB_RUN_ID:-local}" \
  --duration-seconds 3600 \
  --tags Key=team,Value=platform Key=stage,Value=prod \
  --output json
