package dev.cognitoemulator.operations.providers;

import dev.cognitoemulator.domain.PoolView;
import dev.cognitoemulator.domain.SamlCertificate;
import dev.cognitoemulator.model.GetSigningCertificateRequest;
import dev.cognitoemulator.model.GetSigningCertificateResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;
import dev.cognitoemulator.tokens.Certificates;
import java.util.Base64;

/**
 * The pool's SAML signing certificate (base64 DER): made on the first call, outside the pool's lock, then kept, so
 * every call answers the same one (the first written wins when two calls race).
 */
public final class GetSigningCertificate
        implements Operation<GetSigningCertificateRequest, GetSigningCertificateResponse> {

    @Override
    public GetSigningCertificateResponse execute(GetSigningCertificateRequest request, Call call) {
        SamlCertificate certificate = call.read(request.userPoolId(), PoolView::samlCertificate);
        if (certificate == null) {
            SamlCertificate made = Certificates.saml(request.userPoolId(), call.now(),
                    call.random().secureRandom());
            certificate = call.write(request.userPoolId(), pool -> {
                SamlCertificate kept = pool.samlCertificate();
                if (kept != null) {
                    return kept;
                }
                pool.putSamlCertificate(made);
                return made;
            });
        }
        return new GetSigningCertificateResponse(Base64.getEncoder().encodeToString(certificate.der()));
    }
}
