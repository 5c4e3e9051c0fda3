"""The print centre: the Documents page's options, list of documents, preview and print runs."""
