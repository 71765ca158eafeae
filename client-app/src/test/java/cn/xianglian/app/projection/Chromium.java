package cn.xianglian.app.projection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol: navigate, run
 * JavaScript in the page, take screenshots. Just enough for page tests, with no driver library.
 * Public for the page tests of other feature packages (e.g. the anchor proof page).
 */
public final class Chromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://([^/]+)/");

  private final Process process;
  private final WebSocket socket;
  private final JsonMapper json = JsonMapper.builder().build();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The browser binary, if installed. */
  public static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/chromium"));
  }

  public Chromium(Path profile) throws Exception {
    process =
        new ProcessBuilder(
                "/usr/bin/chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--lang=zh-CN",
                "--window-size=1280,900",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "about:blank")
            .redirectErrorStream(true)
            .start();
    String host = null;
    var reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    Instant deadline = Instant.now().plusSeconds(30);
    while (host == null && Instant.now().isBefore(deadline)) {
      String line = reader.readLine();
      if (line == null) {
        throw new IOException("chromium exited before listening");
      }
      Matcher matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        host = matcher.group(1);
      }
    }
    if (host == null) {
      throw new IOException("chromium did not start its DevTools server");
    }
    Thread.ofPlatform().daemon().start(() -> reader.lines().forEach(line -> {}));
    HttpClient http = HttpClient.newHttpClient();
    JsonNode targets =
        json.readTree(
            http.send(
                    HttpRequest.newBuilder(URI.create("http://" + host + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    String page = null;
    for (JsonNode target : targets) {
      if (target.path("type").asString().equals("page")) {
        page = target.path("webSocketDebuggerUrl").asString();
        break;
      }
    }
    if (page == null) {
      throw new IOException("no page target");
    }
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page), new Listener())
            .get(30, TimeUnit.SECONDS);
    send("Page.enable", Map.of());
  }

  /** Opens the URL and waits until the document has loaded. */
  public void navigate(String url) {
    send("Page.navigate", Map.of("url", url));
    waitForLoad();
  }

  /** Runs JavaScript in the page and returns its value (promises are awaited). */
  public JsonNode evaluate(String expression) {
    JsonNode result =
        send(
            "Runtime.evaluate",
            Map.of("expression", expression, "awaitPromise", true, "returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Runs JavaScript that starts a navigation (a form submit) and waits for the new page. */
  public void submitAndWait(String expression) {
    evaluate("window.__xlOld = true; " + expression + "; true");
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonNode old = evaluateQuietly("window.__xlOld === true");
      if (old != null && !old.asBoolean()) {
        waitForLoad();
        return;
      }
      pause();
    }
    throw new IllegalStateException("no navigation after " + expression);
  }

  public String url() {
    return evaluate("location.href").asString();
  }

  public String text() {
    return evaluate("document.body.innerText").asString();
  }

  public void screenshot(Path file) throws IOException {
    JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
  }

  private void waitForLoad() {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      JsonNode state = evaluateQuietly("document.readyState");
      if (state != null && state.asString().equals("complete")) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("page did not load");
  }

  private JsonNode evaluateQuietly(String expression) {
    try {
      return evaluate(expression);
    } catch (RuntimeException e) {
      return null; // the page is between documents
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode send(String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    var answer = new CompletableFuture<JsonNode>();
    pending.put(id, answer);
    String message = json.writeValueAsString(Map.of("id", id, "method", method, "params", params));
    socket.sendText(message, true).join();
    try {
      JsonNode reply = answer.get(30, TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new IllegalStateException(method + ": " + reply.path("error"));
      }
      return reply.path("result");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(method + " got no answer", e);
    } finally {
      pending.remove(id);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        JsonNode message = json.readTree(buffer.toString());
        buffer.setLength(0);
        if (message.has("id")) {
          CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
          if (answer != null) {
            answer.complete(message);
          }
        }
      }
      webSocket.request(1);
      return null;
    }
  }

  @Override
  public void close() {
    try {
      socket.abort();
    } finally {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
