package org.flowpat.controller.api;

import io.vertx.core.json.JsonObject;

/**
 * A request to sign a lot, sent to {@link LotAddresses#SIGN} by the HMI once it has checked the signer's role and
 * a freshly entered password. {@code recordHash} is the content hash the signer was shown: the controller refuses
 * the signature when the record has changed since. The reply is the {@link LotSignature} as JSON.
 */
public record SignatureRequest(String lotId, String user, String fullName, String meaning, String comment,
                               String recordHash) {

    public JsonObject toJson() {
        return new JsonObject().put("lotId", lotId).put("user", user).put("fullName", fullName).put("meaning", meaning)
                .put("comment", comment).put("recordHash", recordHash);
    }

    public static SignatureRequest fromJson(JsonObject json) {
        return new SignatureRequest(json.getString("lotId"), json.getString("user"), json.getString("fullName"),
                json.getString("meaning"), json.getString("comment"), json.getString("recordHash"));
    }
}
