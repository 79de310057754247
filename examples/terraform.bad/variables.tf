variable "deploy_role_arn" {
  default = "arn:aws:iam::444455556666:role/deploy"
}

variable "environment" {
  default = "staging"
}

variable "max_session_duration" {
  default = 3600
}
