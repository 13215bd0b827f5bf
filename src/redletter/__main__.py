from redletter.cli import app

app()
