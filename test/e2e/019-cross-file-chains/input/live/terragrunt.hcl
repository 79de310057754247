iam_role = "arn:aws:iam::731902345678:role/terragrunt"
