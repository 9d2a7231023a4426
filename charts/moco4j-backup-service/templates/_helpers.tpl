{{- define "moco4j-backup-service.fullname" -}}
{{- if contains "moco4j-backup-service" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name "moco4j-backup-service" | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "moco4j-backup-service.selectorLabels" -}}
app.kubernetes.io/name: moco4j-backup-service
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "moco4j-backup-service.labels" -}}
{{ include "moco4j-backup-service.selectorLabels" . }}
app.kubernetes.io/component: backup-service
app.kubernetes.io/part-of: moco4j
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
