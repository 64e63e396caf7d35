{{/*
Names and labels: the one place that decides them.
Object names are the service names (as folder, image and values key), behind an optional namePrefix.
*/}}

{{/* The chart's name, for app.kubernetes.io/name. */}}
{{- define "dagwright.chartName" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of an object: namePrefix + the given name. Call with (dict "root" $ "name" "gateway"). */}}
{{- define "dagwright.name" -}}
{{- printf "%s%s" .root.Values.namePrefix .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object of the release; a component (service name) is added when given. */}}
{{- define "dagwright.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "dagwright.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: dagwright
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Labels that select the pods of one component; they never change across upgrades. */}}
{{- define "dagwright.selectorLabels" -}}
app.kubernetes.io/name: {{ include "dagwright.chartName" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .name }}
app.kubernetes.io/component: {{ . }}
{{- end }}
{{- end -}}

{{/* metadata.annotations (commonAnnotations plus the given ones) at metadata's indentation; nothing when
there are none. Include right after the labels with {{- include ... }}. */}}
{{- define "dagwright.annotations" -}}
{{- $all := merge (dict) (.extra | default dict) .root.Values.commonAnnotations -}}
{{- if $all }}
  annotations:
    {{- toYaml $all | nindent 4 }}
{{- end }}
{{- end -}}

{{/*
Settings of one service: serviceDefaults overlaid with services.<name>, key by key and at every depth.
(sprig's merge functions skip false and 0 in the overriding map, so `enabled: false` would be lost.)
Returns YAML; use with fromYaml. Call with (dict "root" $ "name" "gateway").
*/}}
{{- define "dagwright.settings" -}}
{{- $svc := index .root.Values.services .name | default dict -}}
{{- $merged := deepCopy .root.Values.serviceDefaults -}}
{{- include "dagwright.overlay" (dict "base" $merged "over" $svc) -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Writes every key of .over into .base, descending into maps present in both. Prints nothing. */}}
{{- define "dagwright.overlay" -}}
{{- $base := .base -}}
{{- range $key, $value := .over -}}
{{- $current := index $base $key -}}
{{- if and (kindIs "map" $value) (kindIs "map" $current) -}}
{{- include "dagwright.overlay" (dict "base" $current "over" $value) -}}
{{- else -}}
{{- $_ := set $base $key $value -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Image reference: [registry/]repository:tag[@digest]. Call with (dict "root" $ "name" <image name> "image"
<per-image values>); empty parts fall back to the global image values and the chart's appVersion.
*/}}
{{- define "dagwright.image" -}}
{{- $global := .root.Values.image -}}
{{- $own := .image | default dict -}}
{{- $repository := $own.repository | default (printf "%s%s" $global.repositoryPrefix .name) -}}
{{- if $global.registry -}}
{{- $repository = printf "%s/%s" (trimSuffix "/" $global.registry) $repository -}}
{{- end -}}
{{- $tag := $own.tag | default $global.tag | default .root.Chart.AppVersion | toString -}}
{{- if $own.digest -}}
{{- printf "%s:%s@%s" $repository $tag $own.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository $tag -}}
{{- end -}}
{{- end -}}

{{/* imagePullSecrets at a pod spec's indentation (6); nothing when there are none. Include with {{- }}. */}}
{{- define "dagwright.pullSecrets" -}}
{{- with .Values.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
{{- end }}
{{- end -}}

{{/* Name of the Secret with the MongoDB connection string, and its key. */}}
{{- define "dagwright.mongodbSecret" -}}
{{- if .Values.mongodb.existingSecret -}}
name: {{ .Values.mongodb.existingSecret }}
key: {{ .Values.mongodb.existingSecretKey }}
{{- else -}}
name: {{ include "dagwright.name" (dict "root" . "name" "dagwright-connections") }}
key: mongodb-url
{{- end -}}
{{- end -}}

{{/* Name of the Secret with the Redis URL, and its key. */}}
{{- define "dagwright.redisSecret" -}}
{{- if .Values.redis.existingSecret -}}
name: {{ .Values.redis.existingSecret }}
key: {{ .Values.redis.existingSecretKey }}
{{- else -}}
name: {{ include "dagwright.name" (dict "root" . "name" "dagwright-connections") }}
key: redis-url
{{- end -}}
{{- end -}}

{{/* A NetworkPolicy peer that selects the pods of one service of this release. */}}
{{- define "dagwright.podPeer" -}}
- podSelector:
    matchLabels:
      {{- include "dagwright.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/* One egress rule: `to` peers (left out when empty: any destination) and ports. Call with a rule value. */}}
{{- define "dagwright.egressRule" -}}
{{- if .to -}}
- to:
    {{- toYaml .to | nindent 4 }}
  ports:
{{- else -}}
- ports:
{{- end }}
    {{- toYaml .ports | nindent 4 }}
{{- end -}}
