"""Azure Functions entry point (Python v2 programming model): five thin functions over `bot`."""

import azure.functions as func

from bot import http
from bot.app import get_app

app = func.FunctionApp()


@app.function_name("messages")
@app.route(route="api/messages", methods=["POST"], auth_level=func.AuthLevel.ANONYMOUS)
async def messages(req: func.HttpRequest) -> func.HttpResponse:
    """Bot Framework activities from the Azure Bot; its JWT is the authentication."""
    return await http.messages(req, get_app())


@app.function_name("sessions")
@app.route(route="sessions", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
async def sessions(req: func.HttpRequest) -> func.HttpResponse:
    """Live sessions for operators; never any message text."""
    return await http.sessions(req, get_app())


@app.function_name("review")
@app.route(route="review", methods=["GET"], auth_level=func.AuthLevel.FUNCTION)
async def review(req: func.HttpRequest) -> func.HttpResponse:
    """Questions not understood, counted per week (words and shapes, never text) for operators."""
    return await http.review(req, get_app())


@app.function_name("sweep_sessions")
@app.timer_trigger(schedule="%SESSION_SWEEP_SCHEDULE%", arg_name="timer", run_on_startup=False)
async def sweep_sessions(timer: func.TimerRequest) -> None:
    """Forgets sessions idle longer than SESSION_TIMEOUT_MINUTES."""
    await http.sweep(get_app())


@app.function_name("send_alerts")
@app.timer_trigger(schedule="%ALERTS_SCHEDULE%", arg_name="timer", run_on_startup=False)
async def send_alerts(timer: func.TimerRequest) -> None:
    """Proactive alerts: forgotten clock-outs, missing days, and managers' digests (ALERTS_SCHEDULE)."""
    await http.send_alerts(get_app())
