package io.parley.worker.turn;

import io.parley.core.memory.MemoryFields;

import java.util.Map;

/** Values the model proposed in a turn, with the fields they were proposed for (bounded when applied). */
record MemoryProposal(MemoryFields fields, Map<String, Object> values) {

    MemoryProposal {
        values = Map.copyOf(values);
    }
}
