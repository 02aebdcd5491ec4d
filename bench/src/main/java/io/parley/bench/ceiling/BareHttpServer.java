package io.parley.bench.ceiling;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.Map;

/**
 * The HTTP ceiling of the machine (bench/README.md, "In-run ceilings"): a bare Micronaut POST handler on the path
 * Parley's LINE webhooks use, answering 200 to every body without reading it further — the most any Micronaut
 * ingress could ack here, under the same load generator, JVM flags and cores as Parley. Run as its own process:
 * {@code java -cp parley-bench.jar:lib/* io.parley.bench.ceiling.BareHttpServer <port>}.
 */
@Controller("/webhooks/line")
public class BareHttpServer {

    public static void main(String[] args) throws InterruptedException {
        ApplicationContext context = Micronaut.build(args).mainClass(BareHttpServer.class).banner(false)
                .properties(Map.of("micronaut.server.port", args[0], "micronaut.server.host", "127.0.0.1")).build();
        context.start();
        context.getBean(EmbeddedServer.class).start();
        Thread.currentThread().join(); // Netty's threads are daemons: serve until the driver stops this process
    }

    /** Takes the body (so the whole request is read, as Parley's ingress must) and acknowledges it. */
    @Post(uri = "/{channelId}", consumes = MediaType.ALL)
    HttpResponse<Void> ack(String channelId, @Body byte[] body) {
        return body.length > 0 ? HttpResponse.ok() : HttpResponse.badRequest();
    }
}
