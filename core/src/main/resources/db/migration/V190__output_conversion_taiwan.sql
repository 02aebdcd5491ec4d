-- Issue 18: zh-Hant with Taiwan phrasing (OpenCC s2twp: 软件 → 軟體, 鼠标 → 滑鼠) next to character conversion.
ALTER TABLE bots DROP CONSTRAINT IF EXISTS bots_output_conversion_check;
ALTER TABLE bots ADD CONSTRAINT bots_output_conversion_check
    CHECK (output_conversion IN ('none', 'zh-Hant', 'zh-Hant-TW', 'zh-Hans'));
