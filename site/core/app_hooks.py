"""How the site finds what each app contributes: a module of a known name inside the app.

`<app>/dashboard.py` adds panels to the home page and `<app>/demo.py` adds demo data; the site
imports them by name, so it never reaches into an app's models.
"""

import functools
import importlib

from django.apps import apps
from django.core.signals import setting_changed


def app_modules(module_name):
    """Yield (app config, module) for each installed app that has `<app>.<module_name>`."""
    yield from _found(module_name)


@functools.cache
def _found(module_name):
    # Found once per process: looking for a module that is not there searches the disk each time,
    # for every installed app, and the dashboard asks on every visit.
    return tuple(_search(module_name))


def _search(module_name):
    for config in apps.get_app_configs():
        qualified = f"{config.name}.{module_name}"
        try:
            module = importlib.import_module(qualified)
        except ModuleNotFoundError as exc:
            if exc.name != qualified:
                raise  # the module exists but something it imports does not
            continue
        yield config, module


def _installed_apps_changed(setting, **kwargs):
    if setting == "INSTALLED_APPS":
        _found.cache_clear()


setting_changed.connect(_installed_apps_changed)
