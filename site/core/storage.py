"""Storage for private files (evidence on logs): never given a URL, so nothing can link to one.
They are read only through a view that checks who asks."""

from django.core.files.storage import FileSystemStorage, InMemoryStorage


class _NoURL:
    def url(self, name):
        raise ValueError("Private files have no URL: serve them through a view that checks access.")


class PrivateFileSystemStorage(_NoURL, FileSystemStorage):
    pass


class PrivateInMemoryStorage(_NoURL, InMemoryStorage):
    """For tests."""
