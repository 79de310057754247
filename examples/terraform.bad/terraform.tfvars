max_session_duration = 86400
