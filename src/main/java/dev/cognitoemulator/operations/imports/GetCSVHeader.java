package dev.cognitoemulator.operations.imports;

import dev.cognitoemulator.imports.CsvHeader;
import dev.cognitoemulator.model.GetCSVHeaderRequest;
import dev.cognitoemulator.model.GetCSVHeaderResponse;
import dev.cognitoemulator.protocol.Call;
import dev.cognitoemulator.protocol.Operation;

/** The columns of the pool's user import file ({@link CsvHeader}). */
public final class GetCSVHeader implements Operation<GetCSVHeaderRequest, GetCSVHeaderResponse> {

    @Override
    public GetCSVHeaderResponse execute(GetCSVHeaderRequest request, Call call) {
        return call.read(request.userPoolId(),
                pool -> new GetCSVHeaderResponse(CsvHeader.of(pool.pool()), pool.pool().id()));
    }
}
