resource "aws_iam_role" "deploy" {
  name                 = "deploy"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::731902345678:root" }
      Action    = "sts:AssumeRole"
    }]
  })
}
