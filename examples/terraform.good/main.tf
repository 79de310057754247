# Deploys with a role in the workload account; the state lives in the shared account.
terraform {
  backend "s3" {
    bucket = "example-terraform-state"
    key    = "workload/terraform.tfstate"
    region = "eu-west-1"
    assume_role = {
      role_arn     = "arn:aws:iam::111122223333:role/terraform-state"
      session_name = "terraform-state"
      duration     = "30m"
    }
  }
}

provider "aws" {
  region = var.region
  assume_role {
    role_arn     = var.deploy_role_arn
    session_name = "terraform-${var.environment}"
    duration     = var.session_duration
    external_id  = "example-external-id"
    tags         = { Environment = var.environment }
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["s3:*", "dynamodb:*"], Resource = "*" }]
    })
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "deploy"
  max_session_duration = 7200
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
