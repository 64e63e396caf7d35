{{/*
Every object of one service. templates/<service>.yaml calls
  {{ include "dagwright.service" (dict "root" $ "name" "<service>") }}
so each service has its own file, where objects only it needs can be added beside the shared ones.
*/}}
{{- define "dagwright.service" -}}
{{- $s := include "dagwright.settings" . | fromYaml -}}
{{- if $s.enabled -}}
{{- $ctx := dict "root" .root "name" .name "s" $s -}}
{{- include "dagwright.configMap" $ctx }}
---
{{ include "dagwright.serviceAccount" $ctx }}
---
{{ include "dagwright.deployment" $ctx }}
---
{{ include "dagwright.k8sService" $ctx }}
{{- if $s.autoscaling.enabled }}
---
{{ include "dagwright.hpa" $ctx }}
{{- end }}
{{- if $s.podDisruptionBudget.enabled }}
---
{{ include "dagwright.pdb" $ctx }}
{{- end }}
{{- if .root.Values.networkPolicy.enabled }}
---
{{ include "dagwright.networkPolicy" $ctx }}
{{- end }}
{{- if .root.Values.metrics.serviceMonitor.enabled }}
---
{{ include "dagwright.serviceMonitor" $ctx }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The environment of the service (its src/config.ts keys), except the secret ones. */}}
{{- define "dagwright.configData" -}}
{{- $s := .s -}}
{{- $root := .root -}}
SERVICE_NAME: {{ .name | quote }}
LOG_LEVEL: {{ $s.logLevel | quote }}
HOST: "0.0.0.0"
{{ if eq $s.protocol "grpc" }}GRPC_PORT{{ else }}HTTP_PORT{{ end }}: {{ int64 $s.port | quote }}
ADMIN_PORT: {{ int64 $s.adminPort | quote }}
SHUTDOWN_TIMEOUT_MS: {{ int64 $s.shutdownTimeoutMs | quote }}
{{- if has "mongodb" $s.uses }}
MONGO_DB: {{ $s.database | quote }}
{{- end }}
{{- if has "kafka" $s.uses }}
KAFKA_BROKERS: {{ $root.Values.kafka.brokers | quote }}
{{- end }}
{{- with $root.Values.tracing.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
OTEL_RESOURCE_ATTRIBUTES: {{ printf "service.namespace=%s,service.version=%s,deployment.environment.name=%s" $root.Release.Namespace $root.Chart.AppVersion $root.Release.Namespace | quote }}
{{- end }}
{{- range $key, $target := $s.grpcTargets }}
{{- $callee := include "dagwright.settings" (dict "root" $root "name" $target) | fromYaml }}
{{ $key }}: {{ printf "dns:///%s.%s.svc.cluster.local:%d" (include "dagwright.name" (dict "root" $root "name" $target)) $root.Release.Namespace (int64 $callee.port) | quote }}
{{- end }}
{{- if $s.public }}
DAGWRIGHT_ENV: {{ $root.Values.environment | quote }}
NODE_ENV: {{ $root.Values.environment | quote }}
JWT_ISSUER: {{ $root.Values.auth.jwt.issuer | quote }}
JWT_AUDIENCE: {{ $root.Values.auth.jwt.audience | quote }}
JWT_ALGORITHMS: {{ $root.Values.auth.jwt.algorithms | quote }}
{{- with $root.Values.auth.jwt.jwksUrl }}
JWT_JWKS_URL: {{ . | quote }}
{{- end }}
{{- end }}
{{- range $key, $value := $s.env }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{- define "dagwright.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" .root) }}
data:
  {{- include "dagwright.configData" . | nindent 2 }}
{{- end -}}

{{- define "dagwright.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" .root "extra" .s.serviceAccount.annotations) }}
# The services do not call the Kubernetes API.
automountServiceAccountToken: false
{{- end -}}

{{/* Liveness, readiness and start-up probes: grpc.health.v1 on the gRPC port, or /healthz and /readyz. */}}
{{- define "dagwright.probes" -}}
{{- $s := .s -}}
{{- $live := ternary (dict "grpc" (dict "port" (int64 $s.port))) (dict "httpGet" (dict "path" "/healthz" "port" "admin")) (eq $s.protocol "grpc") -}}
{{- $ready := ternary (dict "grpc" (dict "port" (int64 $s.port))) (dict "httpGet" (dict "path" "/readyz" "port" "admin")) (eq $s.protocol "grpc") -}}
startupProbe:
  {{- toYaml $live | nindent 2 }}
  periodSeconds: {{ int64 $s.probes.startup.periodSeconds }}
  failureThreshold: {{ int64 $s.probes.startup.failureThreshold }}
livenessProbe:
  {{- toYaml $live | nindent 2 }}
  periodSeconds: {{ int64 $s.probes.liveness.periodSeconds }}
  timeoutSeconds: {{ int64 $s.probes.liveness.timeoutSeconds }}
  failureThreshold: {{ int64 $s.probes.liveness.failureThreshold }}
readinessProbe:
  {{- toYaml $ready | nindent 2 }}
  periodSeconds: {{ int64 $s.probes.readiness.periodSeconds }}
  timeoutSeconds: {{ int64 $s.probes.readiness.timeoutSeconds }}
  failureThreshold: {{ int64 $s.probes.readiness.failureThreshold }}
{{- end -}}

{{- define "dagwright.deployment" -}}
{{- $s := .s -}}
{{- $root := .root -}}
{{- $portName := ternary "grpc" "http" (eq $s.protocol "grpc") -}}
{{- $connections := "" -}}
{{- if not $root.Values.mongodb.existingSecret }}{{ $connections = printf "%s%s" $connections $root.Values.mongodb.url }}{{ end -}}
{{- if not $root.Values.redis.existingSecret }}{{ $connections = printf "%s%s" $connections $root.Values.redis.url }}{{ end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" $root) }}
spec:
  {{- if not $s.autoscaling.enabled }}
  replicas: {{ int64 $s.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 25%
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "dagwright.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "dagwright.labels" . | nindent 8 }}
        {{- with $s.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        # A change of the service's configuration rolls its pods.
        checksum/config: {{ printf "%s\n%s" (include "dagwright.configData" .) $connections | sha256sum }}
        {{- with $s.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "dagwright.name" . }}
      automountServiceAccountToken: false
      {{- include "dagwright.pullSecrets" $root }}
      {{- with $s.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      securityContext:
        {{- toYaml $s.podSecurityContext | nindent 8 }}
      # The service's own shutdown budget, the pre-stop pause and a margin for the last log lines.
      terminationGracePeriodSeconds: {{ add (div (add (int64 $s.shutdownTimeoutMs) 999) 1000) (int64 $s.preStopSleepSeconds) 5 }}
      containers:
        - name: {{ .name }}
          image: {{ include "dagwright.image" (dict "root" $root "name" .name "image" $s.image) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: {{ $portName }}
              containerPort: {{ int64 $s.port }}
              protocol: TCP
            - name: admin
              containerPort: {{ int64 $s.adminPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "dagwright.name" . }}
            {{- if and $s.llm $root.Values.llm.existingSecret }}
            - secretRef:
                name: {{ $root.Values.llm.existingSecret }}
            {{- end }}
            {{- with $s.envFrom }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- $jwtSecret := and $s.public $root.Values.auth.jwt.existingSecret }}
          {{- if or (has "mongodb" $s.uses) (has "redis" $s.uses) $jwtSecret }}
          env:
            {{- if has "mongodb" $s.uses }}
            - name: MONGO_URL
              valueFrom:
                secretKeyRef:
                  {{- include "dagwright.mongodbSecret" $root | nindent 18 }}
            {{- end }}
            {{- if has "redis" $s.uses }}
            - name: REDIS_URL
              valueFrom:
                secretKeyRef:
                  {{- include "dagwright.redisSecret" $root | nindent 18 }}
            {{- end }}
            {{- if $jwtSecret }}
            - name: JWT_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ $root.Values.auth.jwt.existingSecret }}
                  key: {{ $root.Values.auth.jwt.existingSecretKey }}
            {{- end }}
          {{- end }}
          {{- include "dagwright.probes" . | nindent 10 }}
          {{- if gt (int64 $s.preStopSleepSeconds) 0 }}
          lifecycle:
            preStop:
              sleep:
                seconds: {{ int64 $s.preStopSleepSeconds }}
          {{- end }}
          resources:
            {{- toYaml $s.resources | nindent 12 }}
          securityContext:
            {{- toYaml $s.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $s.tmpSizeLimit }}
      {{- with $s.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $s.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $s.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- if $s.spreadPods }}
      topologySpreadConstraints:
        {{- range $key := list "topology.kubernetes.io/zone" "kubernetes.io/hostname" }}
        - maxSkew: 1
          topologyKey: {{ $key }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "dagwright.selectorLabels" $ | nindent 14 }}
        {{- end }}
      {{- end }}
{{- end -}}

{{/*
The Service: headless for gRPC, so clients resolve every pod (dns:///<name>:<port>) and balance each call
with round_robin instead of pinning one HTTP/2 connection to one pod behind a virtual IP.
*/}}
{{- define "dagwright.k8sService" -}}
{{- $s := .s -}}
{{- $grpc := eq $s.protocol "grpc" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" .root) }}
spec:
  {{- if $grpc }}
  type: ClusterIP
  clusterIP: None
  {{- else }}
  type: {{ $s.serviceType }}
  {{- end }}
  selector:
    {{- include "dagwright.selectorLabels" . | nindent 4 }}
  ports:
    - name: {{ ternary "grpc" "http" $grpc }}
      port: {{ int64 $s.port }}
      targetPort: {{ ternary "grpc" "http" $grpc }}
      protocol: TCP
      appProtocol: {{ ternary "grpc" "http" $grpc }}
    - name: admin
      port: {{ int64 $s.adminPort }}
      targetPort: admin
      protocol: TCP
      appProtocol: http
{{- end -}}

{{- define "dagwright.hpa" -}}
{{- $a := .s.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" .root) }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "dagwright.name" . }}
  minReplicas: {{ int64 $a.minReplicas }}
  maxReplicas: {{ int64 $a.maxReplicas }}
  metrics:
    {{- range $resource, $target := dict "cpu" $a.targetCPUUtilizationPercentage "memory" $a.targetMemoryUtilizationPercentage }}
    {{- if gt (int64 $target) 0 }}
    - type: Resource
      resource:
        name: {{ $resource }}
        target:
          type: Utilization
          averageUtilization: {{ int64 $target }}
    {{- end }}
    {{- end }}
  {{- with $a.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{- define "dagwright.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" .root) }}
spec:
  maxUnavailable: {{ .s.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "dagwright.selectorLabels" . | nindent 6 }}
{{- end -}}

{{/*
Who may talk to the service and whom it may talk to. Ingress: its callers on its port (a public service:
networkPolicy.publicFrom), the metrics namespace on the admin port. Egress: DNS, the data stores it uses,
the services that list it among their callers, LLM providers when it uses them, the identity provider's
JWKS for the public service, the trace collector.
*/}}
{{- define "dagwright.networkPolicy" -}}
{{- $s := .s -}}
{{- $root := .root -}}
{{- $np := $root.Values.networkPolicy -}}
{{- $self := .name -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
  {{- include "dagwright.annotations" (dict "root" $root) }}
spec:
  podSelector:
    matchLabels:
      {{- include "dagwright.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    {{- if $np.egress.enabled }}
    - Egress
    {{- end }}
  ingress:
    {{- if $s.public }}
    - ports:
        - port: {{ int64 $s.port }}
          protocol: TCP
      {{- with $np.publicFrom }}
      from:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    {{- else if $s.callers }}
    - ports:
        - port: {{ int64 $s.port }}
          protocol: TCP
      from:
        {{- range $caller := $s.callers }}
        {{- include "dagwright.podPeer" (dict "root" $root "name" $caller) | nindent 8 }}
        {{- end }}
    {{- end }}
    - ports:
        - port: {{ int64 $s.adminPort }}
          protocol: TCP
      from:
        - namespaceSelector:
            {{- toYaml $np.metrics.namespaceSelector | nindent 12 }}
          {{- with $np.metrics.podSelector }}
          podSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
  {{- if $np.egress.enabled }}
  egress:
    {{- include "dagwright.egressRule" $np.egress.dns | nindent 4 }}
    {{- range $store := list "mongodb" "kafka" "redis" }}
    {{- if has $store $s.uses }}
    {{- include "dagwright.egressRule" (index $np.egress $store) | nindent 4 }}
    {{- end }}
    {{- end }}
    {{- range $callee := keys $root.Values.services | sortAlpha }}
    {{- $other := include "dagwright.settings" (dict "root" $root "name" $callee) | fromYaml }}
    {{- if and $other.enabled (has $self $other.callers) }}
    - to:
        {{- include "dagwright.podPeer" (dict "root" $root "name" $callee) | nindent 8 }}
      ports:
        - port: {{ int64 $other.port }}
          protocol: TCP
    {{- end }}
    {{- end }}
    {{- if $s.llm }}
    {{- include "dagwright.egressRule" $np.egress.llm | nindent 4 }}
    {{- end }}
    {{- if and $s.public $root.Values.auth.jwt.jwksUrl }}
    {{- include "dagwright.egressRule" $np.egress.identityProvider | nindent 4 }}
    {{- end }}
    {{- if $root.Values.tracing.otlpEndpoint }}
    {{- include "dagwright.egressRule" $np.egress.tracing | nindent 4 }}
    {{- end }}
    {{- with $np.egress.extra }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- end }}
{{- end -}}

{{- define "dagwright.serviceMonitor" -}}
{{- $sm := .root.Values.metrics.serviceMonitor -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "dagwright.name" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "dagwright.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- include "dagwright.annotations" (dict "root" .root) }}
spec:
  selector:
    matchLabels:
      {{- include "dagwright.selectorLabels" . | nindent 6 }}
  namespaceSelector:
    matchNames:
      - {{ .root.Release.Namespace }}
  endpoints:
    - port: admin
      path: /metrics
      interval: {{ $sm.interval }}
      scrapeTimeout: {{ $sm.scrapeTimeout }}
{{- end -}}
