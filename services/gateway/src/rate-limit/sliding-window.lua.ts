/**
 * Weighted sliding window over time slots, atomic in Redis. Time is cut into slots of ARGV[2] ms (a sixtieth
 * of the window). Each bucket KEYS[i] is one string, `cmsgpack({base, total, w(base), w(base + 1), ...})`: the
 * oldest slot with weight in it, the weight in the window and the weight accepted per slot. A request in slot k
 * counts until slot k has wholly left the window, i.e. until (k + 1) * slot + window: every request accepted in
 * the last `window` ms is counted (plus up to one slot more). A request is accepted only if every bucket has
 * room for its weight, and then recorded in all of them. Hence in ANY interval of one window no bucket accepts
 * more than its limit. Time comes from Redis, so replicas with skewed clocks agree. Per bucket: one GET and,
 * when accepted, one SET with PX (no separate EXPIRE); the state is at most window/slot + 3 numbers.
 * ARGV: window ms, slot ms, weight, then one limit per bucket.
 * Returns {accepted (1/0), retry-after ms, then per bucket: weight used after this call, ms until its oldest
 * counted slot leaves (0 when empty)}.
 */
export const SLIDING_WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window, slot, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local cur = math.floor(now / slot)
local live = math.floor((now - window) / slot)
local n = #KEYS
local states = {}
local accepted, retry = 1, 0
for i = 1, n do
  -- state: {oldest used slot, total weight, weight of that slot, of the next one, ...}
  local raw = redis.call('GET', KEYS[i])
  local s = raw and cmsgpack.unpack(raw) or { cur, 0 }
  if s[1] < live then
    -- slots left the window: keep the rest from the first used one (once per slot time at most)
    local first = live - s[1] + 3
    while first <= #s and s[first] == 0 do first = first + 1 end
    if first > #s then
      s = { cur, 0 }
    else
      local kept, total = { s[1] + first - 3, 0 }, 0
      for j = first, #s do
        kept[#kept + 1] = s[j]
        total = total + s[j]
      end
      kept[2] = total
      s = kept
    end
  end
  states[i] = s
  local limit = tonumber(ARGV[3 + i])
  if s[2] + cost > limit then
    accepted = 0
    local need, freed, wait = s[2] + cost - limit, 0, window + slot
    if cost <= limit then
      for j = 3, #s do
        freed = freed + s[j]
        if freed >= need then
          wait = (s[1] + j - 2) * slot + window - now
          break
        end
      end
    end
    if wait > retry then retry = wait end
  end
end
local out = { accepted, retry }
for i = 1, n do
  local s = states[i]
  if accepted == 1 then
    if s[2] == 0 then s = { cur, 0 } end
    local j = math.max(3, cur - s[1] + 3)
    for k = #s + 1, j do s[k] = 0 end
    s[j] = s[j] + cost
    s[2] = s[2] + cost
    redis.call('SET', KEYS[i], cmsgpack.pack(s), 'PX', window + slot)
  end
  out[#out + 1] = s[2]
  out[#out + 1] = s[2] > 0 and (s[1] + 1) * slot + window - now or 0
end
return out
`;
