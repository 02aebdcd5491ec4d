-- Issue 13 part 1: a flow may carry a condition (who it is for) and a trigger may be a gate (answers every
-- message until its condition holds). Conditions are JSON validated by the API (ConditionRules); branch steps
-- live inside the steps array and need no column.
ALTER TABLE flows ADD COLUMN condition jsonb;
ALTER TABLE flows DROP CONSTRAINT flows_trigger_type_check;
ALTER TABLE flows ADD CONSTRAINT flows_trigger_type_check
    CHECK (trigger_type IN ('keyword', 'regex', 'postback', 'follow', 'fallback', 'gate'));
