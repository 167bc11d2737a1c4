from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The newsroom's staff accounts; custom from day one so fields can be added without a swap."""

    class Meta:
        db_table = "users_user"
        verbose_name = "user"
