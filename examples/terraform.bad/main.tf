provider "aws" {
  region = "eu-west-1"

  # First hop: the organization's access role.
  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/OrganizationAccess"
    session_name = "terraform"
  }

  # Second hop: chained from the first, so STS caps it at one hour.
  assume_role {
    role_arn     = var.deploy_role_arn
    session_name = "terraform ${var.environment}"
    duration     = "2h"
  }
}

provider "aws" {
  alias = "audit"
  assume_role {
    role_arn     = "arn:aws:iam::111122223333:role/audit"
    session_name = "audit"
    duration     = 3600
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "deploy"
  max_session_duration = var.max_session_duration
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
