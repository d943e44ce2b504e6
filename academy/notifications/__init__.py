"""In-app notifications and optional e-mail.

`notices` adds a notice inside the caller's transaction (training and assignments call it);
`services` holds the jobs and the reading side; `routes` the pages and the CLI command. The
blueprint lives in `routes`, so importing `notices` from a service pulls in no routes.
"""
