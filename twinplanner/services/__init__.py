"""Services: the use cases. Each write validates, runs in one transaction, returns Changes."""
