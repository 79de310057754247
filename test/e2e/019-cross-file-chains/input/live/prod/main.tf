provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn     = "arn:aws:iam::731902345678:role/deploy"
    session_name = "terraform"
    duration     = "2h"
  }
}
