"""Shell commands built from the operator's own values are low; text from outside keeps bandit's
severity (hooks/code/command_origin.py)."""

from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest

from hooks.code.command_origin import CommandOrigins
from tests.code.helpers import notebook, scan_code


def shell_severities(tmp_path: Path, source: str) -> list[tuple[int, str]]:
    return sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id in ("B602", "B605"))


def origin_of_command(source: str) -> bool:
    """from_outside() of the first argument of the last `os.system` call."""
    module = ast.parse(source)
    origins = CommandOrigins(module)
    calls = [n for n in ast.walk(module) if isinstance(n, ast.Call) and ast.unparse(n.func) == "os.system"]
    call = max(calls, key=lambda c: c.lineno)
    return origins.from_outside(call.args[0], origins.function_of(call))


OPERATOR_COMMANDS = {
    "a server started with an app object, a helper given the command line": "import os, sys, waitress\n"
    "def clean(path):\n    os.system('rm -rf ' + path)\nclean(sys.argv[1])\nwaitress.serve(app, port=8080)\n",
    "argparse": "import argparse, os\np = argparse.ArgumentParser()\nargs = p.parse_args()\n"
    'os.system(f"find {args.dataset}")\n',
    "argv": 'import os, sys\nos.system("ls " + sys.argv[1])\n',
    "environment": "import os\nos.system(f\"gsutil cp {os.environ['BUCKET']}/x .\")\n",
    "interpreter": 'import os, sys\nREQS = "r.txt"\nos.system(f"{sys.executable} -m pip install -r {REQS}")\n',
    "attribute of self": "import os\nclass I:\n    def __init__(self):\n        self.sudo = 'sudo '\n"
    '    def apt(self, pkg):\n        os.system(f"{self.sudo}apt-get install {pkg}")\n',
    "helper called with constants": "import os\ndef run(cmd):\n    os.system(cmd)\nrun('nvidia-smi')\n",
    "a program's own output": "import os, subprocess\n"
    "shell_output = subprocess.check_output('gcloud config list', shell=True)\n"
    'project = shell_output.decode()\nos.system(f"gcloud projects describe {project}")\n',
    "generated identifier": "import os\nfrom ids import generate_uuid\n"
    'run_id = generate_uuid()\nos.system(f"mkdir runs/{run_id}")\n',
    "a loop over its own list": 'import os\nfor p in ["a", "b"]:\n    cmd = "pip install " + p\n    os.system(cmd)\n',
    "an executor's task": "import os\nfrom concurrent.futures import ThreadPoolExecutor\n"
    "def work(idx):\n    os.system(f'python prep.py --shard {idx}')\n"
    "pool = ThreadPoolExecutor()\n[pool.submit(work, i) for i in range(8)]\n",
    "the script's own file": "import os\nROOT = os.path.dirname(os.path.abspath(__file__))\n"
    "os.system(f'pip install {ROOT}/dist/x.whl')\n",
    "the job's hyperparameters from its environment": "import os, json\n"
    "hps = json.loads(os.environ['SM_HPS'])\nos.system(f\"train --lr {hps['lr']}\")\n",
    "an object built from constants": "import os\n"
    "class Job:\n    def __init__(self, name):\n        self.name = name\n"
    "    def launch(self):\n        os.system(f'start {self.name}')\n"
    "Job('nightly').launch()\n",
    "a module dict filled with constants": "import os\nJOBS = {}\nJOBS['nightly'] = 'train.py --epochs 3'\n"
    "def run():\n    os.system('python ' + JOBS['nightly'])\n",
    "a value reassigned from itself": 'import os\ncmd = "echo"\ncmd = cmd + " hi"\nos.system(cmd)\n',
    "a helper's parameter it rebinds, called with constants": "import os\ndef run(cmd):\n"
    "    cmd = cmd.strip()\n    os.system(cmd)\nrun('nvidia-smi')\n",
    "a class body's global of the name, the function's own constant": "import os\n"
    "def run():\n    cmd = 'ls'\n    class Audit:\n        global cmd\n    os.system(cmd)\n",
    "a match capture of its own constant list": "import os\ndef main():\n    match ['ls', '-l']:\n"
    "        case [cmd, *rest]:\n            os.system(cmd)\n",
    "a name an inner function sets to a constant (nonlocal)": "import os\n"
    "def main():\n    cmd = 'ls'\n    def take():\n        nonlocal cmd\n        cmd = 'pwd'\n"
    "    take()\n    os.system(cmd)\n",
}
OUTSIDE_COMMANDS = {
    "an HTTP response": "import os, requests\ncmd = requests.get(URL).text\nos.system(cmd)\n",
    "a response's body": 'import os\ndef show(response):\n    os.system("echo " + response.text)\n',
    "a file's content": 'import os\nwith open("jobs.txt") as f:\n    line = f.readline()\nos.system("run " + line)\n',
    "a JSON document read from a file": "import os, json\nwith open('jobs.json') as f:\n"
    "    jobs = json.load(f)\nos.system(jobs['command'])\n",
    "a name bound nowhere in the file": "import os\nos.system(command_from_elsewhere)\n",
    "a web route's argument": "import os\n@app.route('/run')\ndef run(name):\n    os.system('convert ' + name)\n",
    "an LLM tool named in its schema": "import os\nclass Bash:\n"
    '    def schema(self):\n        return {"name": "exec_command", "parameters": {}}\n'
    "    def exec_command(self, cmd):\n        return self._run(cmd)\n"
    '    def _run(self, cmd):\n        wrapped = f"{cmd}; pwd"\n        os.system(wrapped)\n',
    "a decorated tool": "import os\n@tool\ndef shell(command: str) -> str:\n    os.system(command)\n",
    "a UI callback": "import os\ndef go(text):\n    os.system('say ' + text)\nbutton.click(go, inputs=[box])\n",
    "flask's request global": "import os\nfrom flask import Flask, request\n"
    "def convert():\n    os.system('convert ' + request.args['file'])\n",
    "a route parameter named like another function's constant": "import os\nfrom flask import Flask\n"
    "def warmup():\n    cmd = 'nvidia-smi'\n    os.system(cmd)\n"
    "@app.route('/exec/<cmd>')\ndef run_cmd(cmd):\n    os.system(cmd)\n",
    "a loop over request data rebinding a constant's name": "import os\nfrom flask import request\n"
    "cmd = 'nvidia-smi'\nfor cmd in request.json['commands']:\n    os.system(cmd)\n",
    "a websocket's messages": "import os\nasync def handler(ws):\n    async for msg in ws:\n"
    "        os.system('echo ' + msg)\n",
    "a Kafka consumer's messages": "import os\nfrom kafka import KafkaConsumer\n"
    "for message in KafkaConsumer('jobs'):\n    os.system('train --config ' + message.value.decode())\n",
    "an http.server handler's path": "import os\nfrom http.server import BaseHTTPRequestHandler\n"
    "class Handler(BaseHTTPRequestHandler):\n    def do_GET(self):\n        model = self.path[1:]\n"
    "        os.system(f'export {model}')\n",
    "a Tornado handler's argument": "import os\nimport tornado.web\nclass H(tornado.web.RequestHandler):\n"
    "    def get(self):\n        os.system('convert --to ' + self.get_argument('format'))\n",
    "a Django view's URL argument": "import os\nfrom django.views import View\nclass Export(View):\n"
    "    def get(self, request, model_name):\n        os.system(f'export {model_name}')\n",
    "a Celery task's argument": "import os\n@app.task\ndef train(config):\n    os.system(f'train {config}')\n",
    "an LLM tool dispatched by a table": "import os\nimport subprocess\n"
    "def run_shell(command):\n    os.system(command)\nDISPATCH = {'shell': run_shell}\n"
    "for call in message.tool_calls:\n    DISPATCH[call.function.name](**call.function.arguments)\n",
    "a downloaded script": "import os, subprocess\n"
    "cmd = subprocess.check_output(['curl', '-s', 'https://config.example.com/post.txt']).decode()\n"
    "os.system(cmd)\n",
    "a global set by a route": "import os\nfrom flask import request\nCMD = 'true'\n"
    "@app.post('/set')\ndef set_cmd():\n    global CMD\n    CMD = request.form['cmd']\n"
    "def run():\n    os.system(CMD)\n",
    "a thread started with a route's value": "import os, threading\nfrom flask import request\n"
    "def launch(name):\n    os.system('start ' + name)\n@app.get('/go')\ndef go():\n"
    "    threading.Thread(target=launch, args=(request.args['name'],)).start()\n",
    "an aiohttp route's match info": "import os\nfrom aiohttp import web\n"
    "async def convert(req_obj):\n    fmt = req_obj.match_info['fmt']\n    os.system('convert --to ' + fmt)\n"
    "app.add_routes([web.get('/convert/{fmt}', convert)])\n",
    "an object built from a request": "import os\nfrom flask import request\n"
    "class Job:\n    def __init__(self, name):\n        self.name = name\n"
    "    def launch(self):\n        os.system(f'start {self.name}')\n"
    "@app.post('/jobs')\ndef submit():\n    Job(request.json['name']).launch()\n",
    "a module dict a route fills": "import os\nfrom flask import request\nJOBS = {}\n"
    "@app.post('/jobs')\ndef add():\n    JOBS['last'] = request.json['script']\n"
    "def run():\n    os.system('bash -c ' + JOBS['last'])\n",
    "a request parameter by name": "import os\ndef handle(payload):\n    os.system('echo ' + payload)\n",
    "a UI event with its inputs": "import os\ndef go(text):\n    os.system('say ' + text)\n"
    "box.submit(go, inputs=[box], outputs=[out])\n",
    "a websocket connection's handler": "import os, websockets\nasync def handler(ws):\n"
    "    async for line in ws:\n        os.system('echo ' + line)\nwebsockets.serve(handler, 'localhost', 8765)\n",
    "a LlamaIndex tool's function": "import os\ndef run(cmd):\n    os.system(cmd)\n"
    "tool = FunctionTool.from_defaults(fn=run)\n",
    "a UI text box": 'import os\nimport streamlit as st\nname = st.text_input("name")\nos.system("echo " + name)\n',
    "a route's parameter it rebinds from itself": "import os\n@app.route('/run/<cmd>')\ndef run(cmd):\n"
    "    cmd = cmd.strip()\n    os.system(cmd)\n",
    "a route's parameter rebound only when empty": "import os\n@app.route('/run')\ndef run(cmd=None):\n"
    "    if not cmd:\n        cmd = 'nvidia-smi'\n    os.system(cmd)\n",
    "a name an inner function sets from a request (nonlocal)": "import os\nfrom flask import request\n"
    "def route():\n    cmd = 'ls'\n    def take():\n        nonlocal cmd\n        cmd = request.form['c']\n"
    "    take()\n    os.system(cmd)\n",
    "the inner function's own read, a sibling declaring the name global": "import os\nfrom flask import request\n"
    "def route():\n    cmd = 'ls'\n    def log():\n        global cmd\n    def take():\n        nonlocal cmd\n"
    "        cmd = request.args['c']\n        os.system(cmd)\n    take()\n",
    "the inner function's own read, the name only annotated outside": "import os\nfrom flask import request\n"
    "cmd = 'ls'\ndef route():\n    cmd: str\n    def take():\n        nonlocal cmd\n"
    "        cmd = request.args['c']\n        os.system(cmd)\n    take()\n",
    "the inner function's own read, the name also an except target": "import os\nfrom flask import request\n"
    "def route():\n    cmd = 'ls'\n    def take():\n        nonlocal cmd\n        try:\n"
    "            cmd = request.args['c']\n        except KeyError as cmd:\n            return\n"
    "        os.system(cmd)\n    take()\n",
    "a global a class body in a route sets": "import os\nfrom flask import request\ncmd = 'ls'\n"
    "@app.route('/set')\ndef set_cmd():\n    class Holder:\n        global cmd\n"
    "        cmd = request.args['c']\n@app.route('/run')\ndef run():\n    os.system(cmd)\n",
    "a class pattern's keyword on self, set from a request": "import os\nfrom flask import request\n"
    "class Job:\n    def __init__(self, cmd):\n        self.cmd = cmd\n    def run(self):\n"
    "        match self:\n            case Job(cmd=cmd):\n                os.system(cmd)\n"
    "@app.route('/run')\ndef run():\n    Job(request.args['c']).run()\n",
    "a nonlocal past a class body's annotation of the name": "import os\nfrom flask import request\n"
    "@app.route('/run')\ndef run():\n    cmd = 'ls'\n    def middle():\n        class Cfg:\n            cmd: str\n"
    "        def take():\n            nonlocal cmd\n            cmd = request.args['c']\n        take()\n"
    "    middle()\n    os.system(cmd)\n",
    "a route's own value beside a class body's global of the name": "import os\nfrom flask import request\n"
    "@app.route('/run')\ndef run():\n    cmd = request.args['c']\n    class Audit:\n        global cmd\n"
    "    def use_default():\n        nonlocal cmd\n        cmd = 'ls'\n    if not cmd:\n        use_default()\n"
    "    os.system(cmd)\n",
    "a positional class pattern on self": "import os\nfrom flask import request\nclass Job:\n"
    "    __match_args__ = ('cmd',)\n    def __init__(self, cmd):\n        self.cmd = cmd\n    def run(self):\n"
    "        match self:\n            case Job(cmd):\n                os.system(cmd)\n"
    "@app.route('/run')\ndef run():\n    Job(request.args['c']).run()\n",
    "a capture nested past the depth followed": "import os\nfrom flask import request\n"
    "@app.route('/run')\ndef run():\n    cmd = 'ls'\n    match request.get_json():\n"
    "        case " + "[" * 60 + "cmd" + "]" * 60 + ":\n            pass\n    os.system(cmd)\n",
    "a match capture of a request's JSON, through nonlocal": "import os\nfrom flask import request\n"
    "def route():\n    cmd = 'ls'\n    def take():\n        nonlocal cmd\n        match request.get_json():\n"
    "            case {'cmd': cmd}:\n                pass\n    take()\n    os.system(cmd)\n",
}


@pytest.mark.parametrize("source", OPERATOR_COMMANDS.values(), ids=OPERATOR_COMMANDS.keys())
def test_commands_of_the_operators_own_values_have_no_outside_origin(source: str) -> None:
    assert origin_of_command(source) is False


@pytest.mark.parametrize("source", OUTSIDE_COMMANDS.values(), ids=OUTSIDE_COMMANDS.keys())
def test_commands_reached_by_outside_text_have_an_outside_origin(source: str) -> None:
    assert origin_of_command(source) is True


def test_the_code_hook_reports_operator_commands_low_and_outside_ones_at_bandits_severity(tmp_path: Path) -> None:
    source = (
        "import os, subprocess, sys, argparse\n"
        "args = argparse.ArgumentParser().parse_args()\n"
        'os.system(f"{sys.executable} -m pip install -r {args.requirements}")\n'
        "def run_command(cmd, shell=True):\n"
        "    return subprocess.run(cmd, shell=shell, capture_output=True)\n"
        'run_command(f"docker stop {args.name}")\n'
        "@tool\n"
        "def terminal(command):\n"
        '    subprocess.run(f"{command}; echo done", shell=True)\n'
    )
    assert shell_severities(tmp_path, source) == [(3, "low"), (5, "low"), (9, "high")]


def test_a_helper_called_from_a_tool_with_its_argument_is_exposed_too() -> None:
    module = ast.parse(
        "def schema():\n    return {'name': 'act'}\n"
        "def act(cmd):\n    helper(cmd)\n"
        "def helper(text):\n    inner(text)\n"
        "def inner(value):\n    pass\n"
        "def unrelated(value):\n    pass\n"
    )
    origins = CommandOrigins(module)
    exposed = {
        node.name for node in ast.walk(module) if isinstance(node, ast.FunctionDef) and id(node) in origins.exposed
    }
    assert exposed == {"act", "helper", "inner"}


def test_a_file_built_to_be_slow_is_answered_in_bounded_time_and_keeps_bandits_judgement() -> None:
    # 3,000 functions each calling the next with its argument, a tool at the head: every
    # question follows the chain; the budget stops it and the answer is "keep bandit's".
    chain = "".join(f"def f{i}(x):\n    f{i + 1}(x + x)\n" for i in range(3000))
    source = "import os\n@tool\n" + chain + "def f3000(x):\n    os.system(x)\n"
    started = time.monotonic()
    assert origin_of_command(source) is True
    assert time.monotonic() - started < 20


def test_names_of_program_output_and_generated_ids_are_not_taken_for_model_output(tmp_path: Path) -> None:
    source = (
        "import os, subprocess, job, generate_uuid  # bound like any import\n"
        "shell_output = subprocess.check_output('gcloud config list', shell=True)\n"
        "project = shell_output.decode()\n"
        'os.system(f"gcloud projects describe {project}")\n'
        "run_id = generate_uuid()\n"
        'os.system(f"mkdir runs/{run_id}")\n'
        "response = llm.invoke(question)\n"
        "os.system(response)\n"
        "s3_output = job.latest_job.outputs[0].destination\n"
        'os.system(f"aws s3 cp --recursive {s3_output} .")\n'
        "answer = chain.invoke(q)['output']\n"
        'os.system("echo " + str(answer))\n'
    )
    assert shell_severities(tmp_path, source) == [
        (2, "low"),
        (4, "low"),
        (6, "low"),
        (8, "high"),
        (10, "low"),  # where a job's output was stored, not what a model said
        (12, "high"),
    ]


def test_eval_of_the_operators_own_arguments_is_low_and_of_data_or_a_parameter_keeps_bandits_severity(
    tmp_path: Path,
) -> None:
    source = (
        "import argparse, os, json, sys\n"
        "args = argparse.ArgumentParser().parse_args()\n"
        "overrides = eval(args.optimizer_overrides)\n"
        "threshold = eval(os.environ.get('THRESHOLD', '0.5') + os.environ['X'] + sys.argv[1])\n"
        "def parse(value):\n"
        "    return eval(value)\n"
        "with open('scores.txt') as f:\n"
        "    scores = eval(f.read())\n"
        "config = eval(job.profiler_config['Profiling'].get('PythonConfig'))\n"  # an API's answer: not known
        "for key, value in dict(os.environ).items():\n"
        "    value = eval(value)\n"
        "def parse_args():\n"
        "    return argparse.ArgumentParser().parse_args()\n"
        "options = parse_args()\n"
        "for name, text in options.fit_args['hyperparameters'].items():\n"
        "    options.fit_args[name] = eval(text)\n"
    )
    b307 = sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "B307")
    assert b307 == [(3, "low"), (4, "low"), (6, "medium"), (8, "medium"), (9, "medium"), (11, "low"), (16, "low")]


def test_eval_of_a_choice_or_length_of_the_operators_arguments_is_low_and_a_configuration_object_is_not(
    tmp_path: Path,
) -> None:
    source = (
        "import argparse, os, pyrallis, requests\n"
        "parser = argparse.ArgumentParser()\n"
        "parser.add_argument('--task', type=str, default='')\n"
        "args, _ = parser.parse_known_args()\n"
        "os.environ['NEURON_RT_NUM_CORES'] = '1'\n"
        "model = eval(f\"NeuronModel{'For' + args.task if len(args.task) > 0 else ''}\")\n"
        "sizes = eval(str(max(0, len(args.task))))\n"
        "cfg = pyrallis.parse(config_class=Config)\n"
        "value = eval(cfg.expr)\n"  # a configuration parser's object: its class may compute anything
        "choice = eval(args.task if len(args.task) else requests.get(URL).text)\n"
        "cores = eval(os.environ['NEURON_RT_NUM_CORES'])\n"  # the file wrote a constant there
    )
    b307 = sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "B307")
    assert b307 == [(6, "low"), (7, "low"), (9, "medium"), (10, "medium"), (11, "low")]


def test_a_configuration_file_the_code_names_is_not_the_operators_even_without_a_download(tmp_path: Path) -> None:
    # A download here, a list, a name, an f-string or the project's tooling may put the file there.
    head = "import pyrallis, urllib.request\nclass Config:\n    expr: str = '1'\nCFG = 'config.yaml'\n"
    for given in (
        "config_path='cfg.yaml'",
        "config_path=CFG",
        "config_path=f'config.yaml'",
        "args=['--config_path', 'config.yaml']",
        "config_path=os.getenv('CFG', 'config.yaml')",
    ):
        source = head + f"cfg = pyrallis.parse(config_class=Config, {given})\nvalue = eval(cfg.expr)\n"
        b307 = [(f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "B307"]
        assert b307 == [(6, "medium")], given


def test_what_a_function_makes_of_model_output_is_model_output(tmp_path: Path) -> None:
    source = (
        "def run(question):\n"
        "    full_response = client.chat.completions.create(messages=question)\n"
        "    code = extract_first_code_block(full_response)\n"
        "    exec(code, {}, {})\n"
    )
    assert ("MLS314", 4) in {(f.rule_id, f.line) for f in scan_code(tmp_path, source)}


def test_two_calls_on_one_line_keep_the_louder_verdict(tmp_path: Path) -> None:
    source = (
        "import os\nfrom flask import request\n"
        "@app.route('/restart')\ndef restart():\n"
        "    os.system('nvidia-smi'); os.system('systemctl restart ' + request.args['svc'])\n"
    )
    # bandit's own low for the literal, and the request's command at bandit's severity
    assert shell_severities(tmp_path, source) == [(5, "high"), (5, "low")]


def test_a_file_utility_on_a_routes_or_tools_argument_keeps_bandits_severity(tmp_path: Path) -> None:
    source = (
        "import os, subprocess\n"
        "@app.post('/upload')\nasync def upload(file):\n    os.system(f'unzip -o x.zip -d /data/{file.filename}')\n"
        "@tool\ndef make_dir(path):\n    os.system('mkdir -p ' + path)\n"
        "@mcp.tool()\ndef archive(name):\n    subprocess.run(f'tar czf /srv/{name}.tgz /srv/data', shell=True)\n"
    )
    assert shell_severities(tmp_path, source) == [(4, "high"), (7, "high"), (10, "high")]


def test_code_nested_too_deeply_to_walk_blocks_instead_of_passing(tmp_path: Path) -> None:
    # CPython compiles a long chain of `+` that an AST walk cannot recurse through: if the walk
    # gives up, the file must not pass with a low note.
    chain = " + ".join(["x"] * 1500)
    source = f"import os\nfrom flask import request\nx = 'a'\ny = ({chain})\nos.system(request.args['c'])\n"
    findings = scan_code(tmp_path, source)
    blocking = {f.rule_id for f in findings if f.severity.value in ("medium", "high", "critical")}
    assert blocking & {"MLS907", "B605"}, [(f.rule_id, f.severity.value) for f in findings]


DISPLAY = (
    "class display(object):\n"
    "    def __init__(self, *args):\n"
    "        self.args = args\n"
    "    def _repr_html_(self):\n"
    "        return '\\n'.join(str(eval(a)) for a in self.args)\n"
)
SHOW = "def show(expr, scale='1'):\n    return eval(expr + '*' + scale)\n"


@pytest.mark.parametrize(
    ("helper", "calls"),
    [
        (DISPLAY, "display('df1', 'df2')\ndisplay('pd.concat([df1, df2])')"),
        (SHOW, "show('df1')\nshow(expr='df2', scale=os.environ['SCALE'])"),
    ],
)
def test_eval_in_a_notebook_helper_its_own_cells_call_with_constants_is_low(
    tmp_path: Path, helper: str, calls: str
) -> None:
    findings = [f for f in scan_code(tmp_path, notebook("import os", helper, calls), "nb.ipynb") if f.rule_id == "B307"]
    assert [f.severity.value for f in findings] == ["low"]


@pytest.mark.parametrize(
    ("helper", "calls"),
    [
        (DISPLAY, "display('df1')\ndisplay(open('expr.txt').read())"),  # one call passes a file's text
        (DISPLAY, "display('df1')\nwidgets.Button().on_click(display)"),  # handed to a UI callback
        (DISPLAY, "d = display('df1')\nd.args = (open('e.txt').read(),)"),  # the attribute set from outside
        (DISPLAY, "d = display('df1')\nsetattr(d, name, value)"),  # any attribute may be set
        (DISPLAY, "d = display('df1')\nd.__init__(open('e.txt').read())"),  # built again with a file's text
        (SHOW, "show('df1')\ndf['formula'].apply(show)"),  # applied to a column's values
        (SHOW, "show(*exprs)"),  # which value lands in expr is not known
        (SHOW, "show(requests.get(URL).text)"),
        ("f = lambda s: eval(s)\n", "f('1')"),  # a lambda is called through a name it is bound to
        ("def show(**kw):\n    return eval(kw['e'])\n", "show(e='1')"),
    ],
)
def test_eval_of_a_notebook_parameter_from_outside_or_unknown_callers_keeps_bandits_severity(
    tmp_path: Path, helper: str, calls: str
) -> None:
    findings = [f for f in scan_code(tmp_path, notebook("import os", helper, calls), "nb.ipynb") if f.rule_id == "B307"]
    assert [f.severity.value for f in findings] == ["medium"]


def test_a_scripts_helper_may_be_imported_so_its_parameter_keeps_bandits_severity(tmp_path: Path) -> None:
    source = SHOW + "show('df1')\n"
    assert [f.severity.value for f in scan_code(tmp_path, source) if f.rule_id == "B307"] == ["medium"]
    # nor is a script's object attribute the operator's: anything importing the class can set it
    attribute = (
        "class Calc:\n    def __init__(self):\n        self.f = '1+1'\n    def r(self):\n        return eval(self.f)\n"
    )
    assert [f.severity.value for f in scan_code(tmp_path, attribute) if f.rule_id == "B307"] == ["medium"]


def test_a_notebook_helper_rebinding_its_parameter_still_asks_what_its_callers_pass(tmp_path: Path) -> None:
    """`code = code.strip()` keeps the caller's text among the parameter's values: a notebook helper
    called with a download keeps bandit's severity, one called with a constant is low."""
    helper = "def run(code):\n    code = code.strip()\n    exec(code)\n"
    fetched = notebook(helper, "import requests\nrun(requests.get('https://example.com/x.py').text)\n")
    constant = notebook(helper, "run('print(1)')\n")
    severities = {
        name: [f.severity.value for f in scan_code(tmp_path, text, f"{name}.ipynb") if f.rule_id == "B102"]
        for name, text in (("fetched", fetched), ("constant", constant))
    }
    assert severities == {"fetched": ["medium"], "constant": ["low"]}


def test_a_wrapper_returning_the_name_it_parsed_into_is_the_command_line(tmp_path: Path) -> None:
    """`args = parser.parse_args()` then `return args`: the wrapper returns the parsed command
    line, as `return parser.parse_args()` does; a wrapper returning anything else does not."""
    source = (
        "import argparse, json\n"
        "def parse_args():\n"
        "    parser = argparse.ArgumentParser()\n"
        "    args = parser.parse_args()\n"
        "    return args\n"
        "def load_settings():\n"
        "    settings = json.load(open('settings.json'))\n"
        "    return settings\n"
        "options = parse_args()\n"
        "value = eval(options.expr)\n"
        "other = load_settings()\n"
        "value = eval(other.expr)\n"
    )
    b307 = sorted((f.line, f.severity.value) for f in scan_code(tmp_path, source) if f.rule_id == "B307")
    assert b307 == [(10, "low"), (12, "medium")]


LOOPED_CONSTANTS = """import inspect, os, sys
ARCHITECTURES = ["llama", "mistral", "qwen2"]
WEIGHTS = ("self_attn.q_proj", "mlp.up_proj")
for arch in ARCHITECTURES:
    module = f"transformers.models.{arch}.configuration_{arch}"
    config_name = f"{arch.title().replace('_', '')}Config"
    exec(f"from {module} import {config_name}", globals())
    config = eval(config_name)
def merge(layer):
    for item in WEIGHTS:
        proj = eval(f"layer.{item}")
    return [eval(name) for name in ["r", "lora_alpha"]]
"""


def test_text_of_a_loop_over_constants_is_built_of_constants(tmp_path: Path) -> None:
    """unsloth's patching: imports and names generated from a fixed list of architectures, a
    submodule picked by a fixed attribute path; each pass runs text of constants."""
    findings = [f for f in scan_code(tmp_path, LOOPED_CONSTANTS, "patch.py") if f.rule_id in ("B102", "B307")]
    assert sorted((f.line, f.severity.value) for f in findings) == [(7, "low"), (8, "low"), (11, "low"), (12, "low")]


@pytest.mark.parametrize(
    ("name", "change", "loud"),
    [
        (
            "a list the module appends to",
            ('WEIGHTS = ("self_attn.q_proj", "mlp.up_proj")\n', "WEIGHTS = ['a']\nWEIGHTS.append(sys.argv[1])\n"),
            {12},
        ),
        (
            "an item stored into the list",
            (
                'ARCHITECTURES = ["llama", "mistral", "qwen2"]\n',
                'ARCHITECTURES = ["llama"]\nARCHITECTURES[0] = input()\n',
            ),
            {8, 9},
        ),
        ("a folder's entries", ("for arch in ARCHITECTURES:", "for arch in os.listdir(sys.argv[1]):"), {7, 8}),
        (
            "an alias changed",
            ("for arch in ARCHITECTURES:", "alias = ARCHITECTURES\nalias.append(input())\nfor arch in ARCHITECTURES:"),
            {9, 10},
        ),
        (
            "handed to a function",
            ("for arch in ARCHITECTURES:", "register(ARCHITECTURES)\nfor arch in ARCHITECTURES:"),
            {8, 9},
        ),
        (
            "the namespace changed",
            ("for arch in ARCHITECTURES:", "globals()['ARCHITECTURES'] = [input()]\nfor arch in ARCHITECTURES:"),
            {8, 9, 12},
        ),
        (
            "the module object changed",
            (
                "for arch in ARCHITECTURES:",
                "setattr(sys.modules[__name__], 'ARCHITECTURES', [input()])\nfor arch in ARCHITECTURES:",
            ),
            {8, 9, 12},
        ),
        ("a parameter's attribute", ("for item in WEIGHTS:", "for item in layer.names:"), {11}),
        ("an item from outside", ('WEIGHTS = ("self_attn.q_proj",', 'WEIGHTS = (os.environ["W"],'), {11}),
        (
            "a star import after",
            ("for arch in ARCHITECTURES:", "from plugins import *\nfor arch in ARCHITECTURES:"),
            {8, 9, 12},
        ),
        (
            "the main module changed",
            (
                "for arch in ARCHITECTURES:",
                "import __main__\n__main__.ARCHITECTURES = [input()]\nfor arch in ARCHITECTURES:",
            ),
            {9, 10, 13},
        ),
        (
            "deleted for builtins",
            (
                "for arch in ARCHITECTURES:",
                "import builtins\nbuiltins.ARCHITECTURES = [input()]\ndel ARCHITECTURES\nfor arch in ARCHITECTURES:",
            ),
            {10, 11, 14},
        ),
        (
            "a method that is no text's",
            ("arch.title().replace('_', '')", "arch.title().__class__(sys.argv[1])"),
            {7, 8},
        ),
    ],
)
def test_text_of_a_loop_over_anything_else_keeps_bandits_severity(
    tmp_path: Path, name: str, change: tuple[str, str], loud: set[int]
) -> None:
    source = LOOPED_CONSTANTS.replace(*change)
    assert source != LOOPED_CONSTANTS, name
    findings = [f for f in scan_code(tmp_path, source, "patch.py") if f.rule_id in ("B102", "B307")]
    assert {f.line for f in findings if f.severity.value == "medium"} == loud, name


def test_text_doubled_on_itself_forty_times_is_judged_in_bounded_time() -> None:
    lines = ["NAMES = ['a']", "for n in NAMES:", "    t = n"] + ["    t = t + t"] * 40 + ["    exec(t)"]
    module = ast.parse("\n".join(lines))
    origins = CommandOrigins(module)
    call = next(n for n in ast.walk(module) if isinstance(n, ast.Call) and ast.unparse(n.func) == "exec")
    start = time.perf_counter()
    origins.of_constants(call.args[0], None)  # past the depth limit the answer is False: bandit's severity
    assert time.perf_counter() - start < 10
