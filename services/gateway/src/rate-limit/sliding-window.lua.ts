/**
 * Weighted sliding-window log, atomic in Redis. For each bucket i: KEYS[2i-1] is a sorted set of accepted
 * requests (member `<weight>:<unique id>`, score = Redis time in ms), KEYS[2i] their running weight sum.
 * ARGV: window ms, weight, unique id, then one limit per bucket. A request is accepted only if every bucket
 * has room, and then recorded in all of them, so in any interval of one window no bucket accepts more than
 * its limit. Time comes from Redis, so replicas with skewed clocks still agree.
 * Returns {accepted (1/0), retry-after ms, then per bucket: used after this call, ms until its oldest entry leaves}.
 */
export const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local cost = tonumber(ARGV[2])
local member = ARGV[2] .. ':' .. ARGV[3]
local n = #KEYS / 2
local weight = function(m) return tonumber(string.match(m, '^(%d+):')) end
local accepted = 1
local retry = 0
local used = {}
for i = 1, n do
  local z, s, limit = KEYS[2 * i - 1], KEYS[2 * i], tonumber(ARGV[3 + i])
  local cutoff = now - window
  local sum = tonumber(redis.call('GET', s) or '0')
  local old = redis.call('ZRANGEBYSCORE', z, '-inf', cutoff)
  if #old > 0 then
    for _, m in ipairs(old) do sum = sum - weight(m) end
    if sum < 0 then sum = 0 end
    redis.call('ZREMRANGEBYSCORE', z, '-inf', cutoff)
    redis.call('SET', s, sum, 'KEEPTTL')
  end
  used[i] = sum
  if sum + cost > limit then
    accepted = 0
    local need = sum + cost - limit
    local wait = window
    local freed = 0
    local entries = redis.call('ZRANGE', z, 0, -1, 'WITHSCORES')
    for j = 1, #entries, 2 do
      freed = freed + weight(entries[j])
      if freed >= need then
        wait = tonumber(entries[j + 1]) + window - now
        break
      end
    end
    if wait > retry then retry = wait end
  end
end
local out = { accepted, retry }
for i = 1, n do
  local z, s = KEYS[2 * i - 1], KEYS[2 * i]
  if accepted == 1 then
    redis.call('ZADD', z, now, member)
    redis.call('INCRBY', s, cost)
    redis.call('PEXPIRE', z, window)
    redis.call('PEXPIRE', s, window)
    used[i] = used[i] + cost
  end
  local oldest = redis.call('ZRANGE', z, 0, 0, 'WITHSCORES')
  local reset = 0
  if #oldest == 2 then reset = tonumber(oldest[2]) + window - now end
  out[#out + 1] = used[i]
  out[#out + 1] = reset
end
return out
`;
