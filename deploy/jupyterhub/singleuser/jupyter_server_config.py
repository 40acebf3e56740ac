"""StageTok's settings for each participant's Jupyter server under JupyterHub.

The hub points the server here with ``JUPYTER_CONFIG_PATH`` (jupyterhub_config.py and
values.yaml set it). Voila runs inside that server as a server extension and reads its
settings from this configuration, as ``make start`` gives them to Voila on its command line.
"""

c = get_config()  # noqa: F821 - provided by Jupyter's config loader

# StageTok's page template (toolkit/share/voila/templates/stagetok, found through
# JUPYTER_PATH): Voila's lab page without its stylesheets from a CDN. No sources and no
# tracebacks go to the page.
c.VoilaConfiguration.template = "stagetok"
c.VoilaConfiguration.strip_sources = True
c.VoilaConfiguration.show_tracebacks = False

# Inside a Jupyter server Voila's page asks cdnjs.cloudflare.com for MathJax unless the server
# says where MathJax is; saying "nowhere" (None, as the standalone Voila does) keeps it off.
# No dashboard shows formulas.
# compress_response: the server gzips its answers (the page's 5 MB of JavaScript is about 1.4 MB
# compressed). A Jupyter server hands these settings to Tornado when it builds its application,
# so this works here (a standalone Voila applies them too late; toolkit/voila_app.py compresses there).
c.ServerApp.tornado_settings = {"mathjax_url": None, "mathjax_config": None, "compress_response": True}

# Kernels idle for 15 minutes with no page connected are stopped (a page closed without shutting
# its kernel down), as toolkit/serve.py does for `make start`; an open page keeps its kernel.
c.MappingKernelManager.cull_idle_timeout = 900
c.MappingKernelManager.cull_interval = 60
c.MappingKernelManager.cull_connected = False

# Voila waits 4 s for a cell's output after the cell has run, then sends the page without it;
# with a class logging in at once that gave blank pages. Wait as toolkit/serve.py does.
c.VoilaExecutor.iopub_timeout = 60
