"""Serve predictions. INSECURE ON PURPOSE."""
import subprocess
import tarfile

import mlflow
import requests


def load(uri, bundle):
    model = mlflow.pyfunc.load_model(uri)
    with tarfile.open(bundle) as tar:
        tar.extractall("/srv/model")
    return model


def answer(llm, prompt):
    reply = llm.invoke(prompt).content
    return eval(reply)


def notify(text):
    session = requests.Session()
    session.verify = False
    subprocess.call("logger " + text, shell=True)  # nosec B602
    return session
