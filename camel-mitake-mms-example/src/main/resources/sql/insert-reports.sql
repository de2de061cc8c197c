insert into delivery_report (batch_id, msg_id, status, status_time, point, is_final, source)
select cast(:#batchId as varchar), cast(:#msgId as varchar), cast(:#status as varchar),
cast(:#statusTime as varchar), cast(:#point as decimal(12, 2)), cast(:#final as boolean), cast(:#source as varchar)
from dual where not exists (select 1 from delivery_report where batch_id = :#batchId and msg_id = :#msgId
and status = :#status)
