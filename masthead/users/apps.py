from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "masthead.users"
    label = "users"
    verbose_name = "Users"

    def ready(self):
        from masthead.users import mail, signals

        signals.connect()
        mail.watch_notification_failures()
