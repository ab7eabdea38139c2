package dev.cognitoemulator.http;

import dev.cognitoemulator.errors.ErrorCode;
import dev.cognitoemulator.imports.UserImports;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Map;

/**
 * {@code PUT /_emulator/user-import/{pool}/{job}/{token}}: the emulator's stand-in for the pre-signed S3 URL of a user
 * import job (its {@code PreSignedUrl}), taking the CSV file as {@code curl --upload-file} (or any HTTP PUT) sends it.
 * The token is the job's own, unguessable; the URL works for 15 minutes after CreateUserImportJob, until the job is
 * started; a body over the body limit is refused (413). It is authorized by its token, whether or not the control
 * API is on. Answers 200 with no body, as S3 does; refusals are AWS JSON errors (403 for a bad or expired URL).
 */
final class ImportUploadHandler implements HttpHandler {

    static final String PATH = "/_emulator/user-import/{pool}/{job}/{token}";

    private final UserImports imports;
    private final long maxBodyBytes;

    ImportUploadHandler(UserImports imports, long maxBodyBytes) {
        this.imports = imports;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        Map<String, String> parameters = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters();
        WholeBody.read(exchange, Surface.AWS_JSON, maxBodyBytes, (ex, body) -> {
            UserImports.Upload upload;
            try {
                upload = imports.upload(parameters.get("pool"), parameters.get("job"), parameters.get("token"), body);
            } catch (Throwable failure) {
                Responses.onIoThread(ex, () -> Failures.render(Surface.AWS_JSON, ex, failure));
                return;
            }
            Responses.onIoThread(ex, () -> answer(ex, upload));
        });
    }

    private static void answer(HttpServerExchange exchange, UserImports.Upload upload) {
        switch (upload) {
            case ACCEPTED -> {
                exchange.setStatusCode(200);
                exchange.endExchange();
            }
            case DENIED -> Failures.render(Surface.AWS_JSON, exchange, 403, ErrorCode.AccessDeniedException,
                    "This is not the upload URL of a user import job.");
            // S3's text for an expired pre-signed URL.
            case EXPIRED -> Failures.render(Surface.AWS_JSON, exchange, 403, ErrorCode.AccessDeniedException,
                    "Request has expired");
            case CLOSED -> Failures.render(Surface.AWS_JSON, exchange, 403, ErrorCode.AccessDeniedException,
                    "The user import job has been started or has expired: it takes no file any more.");
        }
    }

}
