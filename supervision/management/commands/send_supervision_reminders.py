"""Kept so existing cron lines still work: sends every due reminder, as `manage.py send_reminders`."""

from core.management.commands.send_reminders import Command as SendReminders


class Command(SendReminders):
    help = "Same as send_reminders (kept for existing schedules)."
