"""User errors: printed as one `Error: ...` line with exit code 2, never as a traceback."""


class UsageError(Exception):
    pass


EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
