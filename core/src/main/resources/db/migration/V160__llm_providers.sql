-- Issue 14 part 1: native LLM providers per bot. Azure OpenAI needs an api-version beside its deployment (the bot's
-- model); the provider is one of a known set (the worker picks the wire protocol from it).
ALTER TABLE bots ADD COLUMN llm_api_version text CHECK (length(llm_api_version) <= 40);
ALTER TABLE bots ADD CONSTRAINT bots_llm_provider_known
    CHECK (llm_provider IN ('openai-compatible', 'anthropic', 'gemini', 'ollama', 'azure-openai', 'demo'));
