iam_role = "arn:aws:iam::123456789012:role/terragrunt"
