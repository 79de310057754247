# Terragrunt assumes iam_role before running Terraform, then writes the provider below.
iam_role                     = "arn:aws:iam::111122223333:role/terragrunt"
iam_assume_role_duration     = 14400
iam_assume_role_session_name = "terragrunt"

remote_state {
  backend = "s3"
  config = {
    bucket = "example-terragrunt-state"
    key    = "${path_relative_to_include()}/terraform.tfstate"
    region = "eu-west-1"
    assume_role = {
      role_arn = "arn:aws:iam::111122223333:role/terraform-state"
      duration = "20m"
    }
  }
}

generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<-EOF
    provider "aws" {
      region = "eu-west-1"
      assume_role {
        role_arn     = "arn:aws:iam::444455556666:role/deploy"
        session_name = "terragrunt-deploy"
        duration     = "4h"
      }
    }
  EOF
}
