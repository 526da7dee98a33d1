-- The value of dimension $by ('category', 'purpose', 'requester_type', 'channel', 'channel_group':
-- onsite, online or other, 'delivery' or 'year') of a filtered request or day cell; NULL when not recorded.
CASE $by
  WHEN 'category' THEN category
  WHEN 'purpose' THEN purpose
  WHEN 'requester_type' THEN requester_type
  WHEN 'channel' THEN channel
  WHEN 'channel_group' THEN
    CASE WHEN channel IS NULL THEN NULL WHEN channel = '现场' THEN 'onsite'
         WHEN channel IN ('PC端', '移动端', '自助终端') THEN 'online' ELSE 'other' END
  WHEN 'delivery' THEN delivery
  WHEN 'year' THEN strftime(day, '%Y')
END
