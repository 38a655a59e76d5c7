package org.flowpat.controller.quality;

import io.vertx.core.eventbus.EventBus;
import java.util.List;
import org.flowpat.controller.api.AlarmAction;
import org.flowpat.controller.api.AlarmTransition;
import org.flowpat.controller.api.AuditEntry;
import org.flowpat.controller.api.DiversionCommand;
import org.flowpat.controller.api.LineCommandRequest;
import org.flowpat.controller.api.LineStateChange;
import org.flowpat.controller.api.LotRecord;
import org.flowpat.controller.api.LotSignature;
import org.flowpat.controller.api.SpcResult;
import org.flowpat.controller.api.codec.JsonRecordCodec;

/** Event-bus codecs of the quality-control, lot and audit records ({@link JsonRecordCodec}). */
public final class QualityCodecs {
    private static final List<Class<?>> TYPES = List.of(SpcResult.class, AlarmTransition.class, AlarmAction.class,
            LineStateChange.class, LineCommandRequest.class, DiversionCommand.class, AuditEntry.class, LotRecord.class,
            LotSignature.class);

    private QualityCodecs() {
    }

    /** Registers every codec not yet registered on this bus (safe to call from every verticle). */
    public static void register(EventBus bus) {
        JsonRecordCodec.register(bus, TYPES);
    }
}
