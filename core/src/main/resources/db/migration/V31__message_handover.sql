-- An outbound message handed to its provider whose answer is not yet recorded (docs/outbound.md, "Sending twice").
-- The send job sets it to its attempt just before the provider call and the message then moves to sent or failed,
-- or the column is cleared when the provider refused the batch. Found still set on a queued message, it means an
-- earlier attempt may have delivered the message (its answer or its "sent" write was lost): the retry must not
-- send it in a way that could deliver it twice.
ALTER TABLE messages ADD COLUMN handover_attempt integer;
