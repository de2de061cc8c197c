update sent_message s set (final_status, final_status_time, reported_at) =
(select r.status, r.status_time, r.received_at from delivery_report r where r.batch_id = s.batch_id
and r.msg_id = s.msg_id and r.is_final order by r.id limit 1)
where s.batch_id = :#${header.CamelMitakeMmsBatchId} and s.final_status is null and exists
(select 1 from delivery_report r where r.batch_id = s.batch_id and r.msg_id = s.msg_id and r.is_final)
