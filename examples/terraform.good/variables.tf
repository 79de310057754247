variable "region" {
  default = "eu-west-1"
}

variable "environment" {
  default = "staging"
}

variable "deploy_role_arn" {
  default = "arn:aws:iam::444455556666:role/deploy"
}

variable "session_duration" {
  default = "1h"
}
