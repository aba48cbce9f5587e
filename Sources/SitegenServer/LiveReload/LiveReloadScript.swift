/// The script `sitegen watch` puts into every HTML page it serves (never into build output).
///
/// It listens on `/_sitegen/events`. `reload` with `css` swaps each same-origin stylesheet without reloading: it
/// fetches the page again and takes the new document's stylesheet hrefs, so fingerprinted names (`site.<hash>.css`)
/// that change on every edit are followed; a page whose stylesheet count changed is reloaded instead. Any other
/// `reload` reloads the page and restores the scroll position. `build-failed` shows an overlay with
/// `path:line:column` and the message of each error; the reload that follows the fix removes it. A `hello` from
/// another server or build than the page last saw (after a reconnection) reloads. A hidden tab closes its stream
/// (HTTP/1.1 allows a browser six connections per server) and opens it again when shown.
public enum LiveReload {
    /// Where the event stream is served.
    public static let eventsPath = "/_sitegen/events"

    /// The `<script>` element to inject.
    public static let snippet = "<script data-sitegen-live-reload>\n" + script + "</script>\n"

    static let script = #"""
    (function () {
      if (window.__sitegenLiveReload) return;
      window.__sitegenLiveReload = true;
      var scrollKey = "sitegen-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(scrollKey);
      if (saved) {
        sessionStorage.removeItem(scrollKey);
        var xy = saved.split(",");
        var restore = function () { window.scrollTo(Number(xy[0]), Number(xy[1])); };
        if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
      }
      var server = null, build = null;
      function reload() {
        sessionStorage.setItem(scrollKey, window.scrollX + "," + window.scrollY);
        location.reload();
      }
      function sameOrigin(link) {
        try { return new URL(link.getAttribute("href"), location.href).origin === location.origin; } catch (e) { return false; }
      }
      function stylesheets(doc) {
        return Array.prototype.filter.call(doc.querySelectorAll('link[rel~="stylesheet"][href]'), sameOrigin);
      }
      function swapStylesheets() {
        fetch(location.href, { cache: "no-store" }).then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        }).then(function (text) {
          var fresh = stylesheets(new DOMParser().parseFromString(text, "text/html"));
          var current = stylesheets(document).filter(function (link) { return !link.hasAttribute("data-sitegen-old"); });
          if (fresh.length !== current.length) return reload();
          current.forEach(function (link, index) {
            var url = new URL(fresh[index].getAttribute("href"), location.href);
            url.searchParams.set("sitegen-reload", String(Date.now()));
            var next = link.cloneNode(false);
            next.setAttribute("href", url.pathname + url.search);
            // A fingerprinted stylesheet comes with a new integrity value; keeping the old one would block it.
            ["integrity", "crossorigin"].forEach(function (name) {
              if (fresh[index].hasAttribute(name)) next.setAttribute(name, fresh[index].getAttribute(name));
              else next.removeAttribute(name);
            });
            link.setAttribute("data-sitegen-old", "");
            var done = function () { link.remove(); };
            next.addEventListener("load", done);
            next.addEventListener("error", done);
            link.after(next);
          });
        }).catch(reload);
      }
      function hideOverlay() {
        var old = document.getElementById("sitegen-error-overlay");
        if (old) old.remove();
      }
      function showOverlay(errors) {
        hideOverlay();
        var box = document.createElement("div");
        box.id = "sitegen-error-overlay";
        box.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;" +
          "background:rgba(24,24,27,.97);color:#f4f4f5;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap");
        var title = document.createElement("div");
        title.setAttribute("style", "font-weight:bold;color:#f87171;margin-bottom:1em");
        title.textContent = "sitegen: the build failed. The page shows the last good build; fix the file and this goes away.";
        box.appendChild(title);
        errors.forEach(function (error) {
          var item = document.createElement("div");
          item.className = "sitegen-error";
          item.setAttribute("style", "margin-bottom:1em");
          var text = (error.location ? error.location + ": " : "") + error.severity + ": " + error.message;
          if (error.source) {
            text += "\n" + error.source;
            if (error.column) text += "\n" + " ".repeat(Math.max(0, error.column - 1)) + "^";
          }
          item.textContent = text;
          box.appendChild(item);
        });
        document.documentElement.appendChild(box);
      }
      // Browsers allow six connections per server over HTTP/1.1, and each open event stream holds one, so a
      // hidden tab lets go of its stream; when it is shown again, `hello` says whether it missed a build.
      function connect() {
        var events = new EventSource("/_sitegen/events");
        window.__sitegenLiveReload = events;
        events.addEventListener("hello", function (event) {
          var data = JSON.parse(event.data);
          if (server !== null && (data.server !== server || data.build !== build)) return reload();
          server = data.server;
          build = data.build;
        });
        events.addEventListener("reload", function (event) {
          var data = JSON.parse(event.data);
          build = data.build;
          hideOverlay();
          if (data.css) swapStylesheets(); else reload();
        });
        events.addEventListener("build-failed", function (event) {
          var data = JSON.parse(event.data);
          build = data.build;
          showOverlay(data.errors);
        });
      }
      document.addEventListener("visibilitychange", function () {
        var events = window.__sitegenLiveReload;
        if (document.hidden && events && events.close) {
          events.close();
          window.__sitegenLiveReload = true;
        } else if (!document.hidden && !(events && events.close)) {
          connect();
        }
      });
      connect();
    })();

    """#
}
