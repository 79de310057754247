provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn     = "arn:aws:iam::123456789012:role/chain-deployer"
    session_name = "terraform"
    duration     = "2h"
  }
}
