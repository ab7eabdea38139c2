package dev.cognitoemulator.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The limit of the stack: bare Undertow that reads the whole body and answers {@code {}} with the AWS JSON
 * headers, on the IO thread. {@code java -cp bench.jar dev.cognitoemulator.bench.BaselineServer PORT}
 */
public final class BaselineServer {

    private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

    private BaselineServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(exchange -> exchange.getRequestReceiver()
                .receiveFullBytes((ex, body) -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    ex.getResponseHeaders().put(REQUEST_ID, new UUID(random.nextLong(), random.nextLong()).toString());
                    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/x-amz-json-1.1");
                    ex.getResponseSender().send(ByteBuffer.wrap(EMPTY));
                })).build().start();
        System.out.println("READY baseline port=" + port);
    }
}
