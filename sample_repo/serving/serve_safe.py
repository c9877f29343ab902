"""Serve predictions safely: nothing here is reported."""
import json
import tarfile

import requests


def load(bundle):
    with tarfile.open(bundle) as tar:
        tar.extractall("/srv/model", filter="data")


def answer(llm, prompt):
    reply = llm.invoke(prompt).content
    return json.loads(reply)


def notify(text):
    session = requests.Session()
    session.verify = "/etc/ssl/certs/ca-certificates.crt"
    return session
