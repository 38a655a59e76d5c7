package org.flowpat.simulator.opcua;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.AccessController;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.AddReferencesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteNodesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteReferencesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * Milo 1.1.2's access controller refuses a write to a read-only variable with Bad_UserAccessDenied, because it
 * checks UserAccessLevel before the attribute writer checks AccessLevel. The simulator has no per-user rights, so
 * such a node is not writable for anyone: answer Bad_NotWritable (OPC 10000-4), as real servers do.
 */
final class NotWritableAccessController implements AccessController {
    private static final AccessResult NOT_WRITABLE = new AccessResult.Denied(StatusCodes.Bad_NotWritable);

    private final AccessController delegate;
    private final Predicate<NodeId> readOnly;

    NotWritableAccessController(AccessController delegate, Predicate<NodeId> readOnly) {
        this.delegate = delegate;
        this.readOnly = readOnly;
    }

    @Override
    public Map<WriteValue, AccessResult> checkWriteAccess(Session session, List<WriteValue> writeValues) {
        Map<WriteValue, AccessResult> results = new LinkedHashMap<>(delegate.checkWriteAccess(session, writeValues));
        results.replaceAll((write, result) -> result.equals(AccessResult.DENIED_USER_ACCESS)
                && write.getAttributeId().intValue() == AttributeId.Value.id() && readOnly.test(write.getNodeId())
                ? NOT_WRITABLE : result);
        return results;
    }

    @Override
    public Map<ReadValueId, AccessResult> checkReadAccess(Session session, List<ReadValueId> readValueIds) {
        return delegate.checkReadAccess(session, readValueIds);
    }

    @Override
    public Map<NodeId, AccessResult> checkBrowseAccess(Session session, List<NodeId> nodeIds) {
        return delegate.checkBrowseAccess(session, nodeIds);
    }

    @Override
    public Map<CallMethodRequest, AccessResult> checkCallAccess(Session session, List<CallMethodRequest> requests) {
        return delegate.checkCallAccess(session, requests);
    }

    @Override
    public Map<AddReferencesItem, AccessResult> checkAddReferencesAccess(Session session, List<AddReferencesItem> items) {
        return delegate.checkAddReferencesAccess(session, items);
    }

    @Override
    public Map<DeleteNodesItem, AccessResult> checkDeleteNodesAccess(Session session, List<DeleteNodesItem> items) {
        return delegate.checkDeleteNodesAccess(session, items);
    }

    @Override
    public Map<DeleteReferencesItem, AccessResult> checkDeleteReferencesAccess(Session session,
                                                                               List<DeleteReferencesItem> items) {
        return delegate.checkDeleteReferencesAccess(session, items);
    }
}
