merge into sent_message (cid, campaign_id, phone, name, batch_id, msg_id, accepted, push_status, push_status_desc,
point, pushed_at) key (cid)
values (:#cid, :#campaignId, :#phone, :#name, :#batchId, :#msgId, :#accepted, :#status, :#statusDesc, :#point,
current_timestamp)
