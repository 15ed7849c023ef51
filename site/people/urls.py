from django.urls import path

from . import views

app_name = "people"
urlpatterns = [
    path("me/", views.my_account, name="my-account"),
]
