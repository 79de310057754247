provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn     = aws_iam_role.deploy.arn
    session_name = "terraform"
    duration     = "2h"
  }
}
